"""`hip-wizard diff`: what a content change does to patients (sides -> facts -> changes -> report)."""
