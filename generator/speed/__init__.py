"""Speed devices: forks and caches that make the build faster and never change what it makes.

The stages run independent work through generator.core.work, in order unless this package puts
its forking versions in; it does so as soon as any speed device is loaded (the MkDocs runner,
the plugin and the pipeline all load one), so without speed/ the site is the same, only slower.
"""

from generator.core import work as _work
from generator.speed import two_cores as _two_cores

_work.install(_two_cores.run_beside, _two_cores.map_halves)
