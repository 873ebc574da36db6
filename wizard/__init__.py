"""hip-wizard: a terminal wizard for hip pain, driven by declarative, checked YAML decision trees."""

__version__ = "0.1.0"
