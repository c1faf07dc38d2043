"""`docqa check|ingest --cluster ADDRESS`: one Dask task per document, on a LocalCluster or a remote scheduler.

Nothing here is imported unless --cluster is given (a test pins it): the commands without it stay as fast as
before and Dask stays an optional extra (`pip install docqa[cluster]`).

- connect.py  the address (`tcp://host:8786`, `local`, `local:N`) to a Client
- items.py    a document as a task sees it: path or bytes, content hash, the settings key of a run
- deadline.py a per-document time limit inside a worker thread
- tasks.py    what runs on a worker: check one document, or parse+chunk+embed one document
- stream.py   the client loop: a bounded window of tasks, results as they complete, failures per document
- check.py / ingest.py  the two commands on top of it; journal.py the JSON Lines stream that makes re-runs resume
"""
