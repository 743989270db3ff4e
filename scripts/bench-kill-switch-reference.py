"""The reference for the kill-switch cold-start benchmark: a minimal boto3 Lambda handler doing
what the original Python function did. It reads {"username", "access_key_id"} from the secret
named by SECRET_ID and sets that access key Inactive. No allowlist, deny policy, query stop or
notice. Clients are built at import time, as in a Lambda's init phase.

Run once outside Lambda: python3 bench-kill-switch-reference.py EVENT.json
(AWS_ENDPOINT_URL, AWS_REGION and credentials from the environment, as for the Java jar).
"""
import json
import os
import sys

import boto3

_secrets = boto3.client("secretsmanager")
_iam = boto3.client("iam")


def handler(event, context):
    if event.get("detail", {}).get("state", {}).get("value") != "ALARM":
        return {"outcome": "IGNORED"}
    secret = json.loads(_secrets.get_secret_value(SecretId=os.environ["SECRET_ID"])["SecretString"])
    _iam.update_access_key(
        UserName=secret["username"], AccessKeyId=secret["access_key_id"], Status="Inactive"
    )
    return {"outcome": "REVOKED", "user": secret["username"], "access_key_id": secret["access_key_id"]}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(handler(json.load(f), None)))
