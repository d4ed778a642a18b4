"""Dedup: near-identical stories collapse into one cluster (MinHash + LSH in Beam).

Near-identical means the same text republished (wire copy with other furniture, a new
headline, a trimmed lead, light edits, an added paragraph, a truncated copy or a feed
summary of it). Different reports of one event stay separate stories.
"""
from transforms.dedup.clusters import UnionFindFn, choose_canonical, resolve_cluster, verify
from transforms.dedup.params import PARAMS_VERSION
from transforms.dedup.sketch import (band_keys, content_hash, jaccard_estimate, normalise,
                                     signature)
from transforms.dedup.transform import DedupOutputs, Deduplicate

__all__ = ["Deduplicate", "DedupOutputs", "PARAMS_VERSION", "UnionFindFn", "band_keys",
           "choose_canonical", "content_hash", "jaccard_estimate", "normalise",
           "resolve_cluster", "signature", "verify"]
