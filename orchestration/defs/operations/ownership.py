"""Who answers for each asset and how to find it: owners and tags on every asset spec.

Applied to the whole code location in definitions.py, so a new asset gets them too. The
stage tag repeats the asset's group so the UI's tag filter (and `tag:stage=marts` selections)
finds a stage across code locations; the domain tag names what the warehouse is about.
"""

import dagster as dg

OWNER = "team:data-engineering"
DOMAIN = "entrepreneurship-indicators"


def owned(spec: dg.AssetSpec) -> dg.AssetSpec:
    tags = {"domain": DOMAIN}
    if spec.group_name:
        tags["stage"] = spec.group_name
    return spec.merge_attributes(owners=[] if OWNER in spec.owners else [OWNER], tags=tags)
