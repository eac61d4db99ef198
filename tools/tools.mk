# tools.mk - paths of the tools and vendored inputs every fragment uses.
# PicoRV32 comes unmodified from the pinned pythondata-cpu-picorv32 package.
PICORV32 = $(shell $(PY) -c "import pythondata_cpu_picorv32 as p; print(p.data_location)" 2>/dev/null)/picorv32.v
