# tools.mk - paths of the tools and vendored inputs every fragment uses.
# PicoRV32 comes unmodified from the pinned pythondata-cpu-picorv32 package. The
# path is relative to the project root: the YoWASP tools (FPGA flow) see the
# host's /tmp as a private directory, so absolute paths there would not resolve.
PICORV32 = $(shell $(PY) -c "import os, pythondata_cpu_picorv32 as p; print(os.path.relpath(p.data_location))" 2>/dev/null)/picorv32.v
