"""Author tools behind `check`, `graph` and `new`: lint, safety proofs, scenario tests, diagrams, starter."""
