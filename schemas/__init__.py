"""The records that flow between stages and the Arrow schemas of the output tables."""
