"""The walk: a pure state machine over a Library (graph facts, Session, result, resume). No I/O."""
