// proof check of tcu_epfile: its mutant (read before the file)
`define EPFILE_MUTANT
