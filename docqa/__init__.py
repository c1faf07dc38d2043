"""DocQA: cited answers and consistency checks for Chinese budget disclosures."""
import os

__version__ = "0.1.0"

# No hub downloads ever happen at run time on the machines DocQA targets; fail fast instead of retrying.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
