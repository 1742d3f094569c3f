"""Per-preset tests: each reads like its regulation and cites the clause it checks."""
