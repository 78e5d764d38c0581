"""Models: loading (local folder or hub id), references jobs read, the registry of versions and their
lineage, model cards, prompt formats, and the studio's own small demo model."""
