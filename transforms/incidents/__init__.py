"""Incidents: extraction from one story, and fusion of the same event across stories.

Public API (the pipeline and the ``extract`` command call these): ``EXTRACTOR_VERSION``,
``extract_story(story, gazetteer)``, ``ExtractIncidents``,
``FuseIncidents``, ``fuse(incidents)``, ``fusion_groups(incidents)``.
"""
from transforms.incidents.extract import EXTRACTOR_VERSION, extract_story
from transforms.incidents.fuse import ExtractIncidents, FuseIncidents, fuse, fusion_groups

__all__ = ["EXTRACTOR_VERSION", "extract_story", "ExtractIncidents", "FuseIncidents", "fuse",
           "fusion_groups"]
