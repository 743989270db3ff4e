"""Grows a monolith state applied by Terraform to N resource instances, for bench-migrate.sh.

Usage: bench-migrate-monolith.py SEED.tfstate N OUT.tfstate

The seed holds one terraform_data resource per component module, each with one or more for_each
instances keyed "<component>-<number>". The output keeps every resource of the seed and gives
the components N instances in all (spread evenly, in the seed's order), each a copy of the
component's first instance under the next key, with a fresh id: the state Terraform would have
written had it applied that many. Lineage, serial and version stay the seed's.
"""

import json
import sys
import uuid


def grow(seed, total):
    resources = [r for r in seed["resources"] if r["mode"] == "managed"]
    per, extra = divmod(total, len(resources))
    for position, resource in enumerate(resources):
        template = resource["instances"][0]
        component = template["index_key"].rsplit("-", 1)[0]
        count = per + (1 if position < extra else 0)
        instances = []
        for number in range(count):
            key = "%s-%05d" % (component, number)
            value = {"name": key, "size": len(key)}
            instance = json.loads(json.dumps(template))
            instance["index_key"] = key
            attributes = instance["attributes"]
            attributes["id"] = str(uuid.uuid4())
            attributes["input"] = {"value": value, "type": attributes["input"]["type"]}
            attributes["output"] = {"value": value, "type": attributes["output"]["type"]}
            instances.append(instance)
        resource["instances"] = instances
    return seed


def main(argv):
    if len(argv) != 4 or not argv[2].isdigit():
        sys.exit("usage: bench-migrate-monolith.py SEED.tfstate N OUT.tfstate")
    with open(argv[1], encoding="utf-8") as f:
        seed = json.load(f)
    with open(argv[3], "w", encoding="utf-8") as f:
        json.dump(grow(seed, int(argv[2])), f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
