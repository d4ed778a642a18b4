"""The stages of the flow; each is a pure function under a thin Beam PTransform."""
