"""The rule bands: structure (JX1xx), values (JX2xx), money (JX3xx), wording (JX4xx),
consistency (JX5xx) and engine problems (JX9xx)."""
