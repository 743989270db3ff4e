"""The reference for the kill-switch cold-start benchmark: a minimal boto3 Lambda handler doing
what the original Python function did. It reads {"username", "access_key_id"} from the secret
named by SECRET_ID, sets that access key Inactive, and tells the team by publishing one message
to SNS_TOPIC_ARN. No allowlist, key listing, deny policy or query stop. Clients are built at
import time, as in a Lambda's init phase.

Run once outside Lambda: python3 bench-kill-switch-reference.py EVENT.json
(AWS_ENDPOINT_URL, AWS_REGION and credentials from the environment, as for the Java jar).
"""
import json
import os
import sys

import boto3

_secrets = boto3.client("secretsmanager")
_iam = boto3.client("iam")
_sns = boto3.client("sns")


def handler(event, context):
    if event.get("detail", {}).get("state", {}).get("value") != "ALARM":
        return {"outcome": "IGNORED"}
    secret = json.loads(_secrets.get_secret_value(SecretId=os.environ["SECRET_ID"])["SecretString"])
    user, key = secret["username"], secret["access_key_id"]
    _iam.update_access_key(UserName=user, AccessKeyId=key, Status="Inactive")
    # The same log line as the Java function's, which the benchmark times the key's step by.
    print(json.dumps({"event": "step", "action": "deactivate-key", "target": key, "outcome": "done"}, separators=(",", ":")), file=sys.stderr, flush=True)
    alarm = event["detail"].get("alarmName", "(unnamed)")
    _sns.publish(
        TopicArn=os.environ["SNS_TOPIC_ARN"],
        Subject=f"[kill-switch] REVOKED {user} on alarm {alarm}"[:100],
        Message=f"Alarm {alarm} fired: access key {key} of {user} is now Inactive.",
    )
    return {"outcome": "REVOKED", "user": user, "access_key_id": key}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(handler(json.load(f), None)))
