"""Gated promotion (a candidate must beat production before it replaces it) and the retraining schedule."""
