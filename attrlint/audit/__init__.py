"""``attrlint audit``: lint a whole archive on a Dask cluster into tables and an HTML report.

Importing this package is cheap: Dask and pyarrow are imported only when an audit runs
(``attrlint.audit.run``), so ``attrlint --help`` and ``check`` never pay for them.
"""

from __future__ import annotations

EXTRA_HINT = "pip install 'attrlint[audit]'"
