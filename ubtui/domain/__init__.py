"""The domain: records, rules and validation. Knows nothing of storage or screens."""
