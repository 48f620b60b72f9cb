"""The factsheets spaCy components, one per file; importing a module registers its factory."""
