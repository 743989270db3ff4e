"""Service account for scripts/bench-kill-switch.sh, in the emulator named by AWS_ENDPOINT_URL.

  setup  create the user with one key, the secret and the notice topic; print shell exports
  reset  set the key Active again and remove the deny policy, between measured runs
  check  exit 1 unless the key is Inactive (each measured run must really revoke)
"""
import json
import sys

import boto3

USER = "svc-bench-cold"
SECRET = "bench/kill-switch-cold"
DENY_POLICY = "platform-kill-switch-deny"

iam = boto3.client("iam")


def key_id():
    return iam.list_access_keys(UserName=USER)["AccessKeyMetadata"][0]


def setup():
    iam.create_user(UserName=USER)
    key = iam.create_access_key(UserName=USER)["AccessKey"]["AccessKeyId"]
    secret = boto3.client("secretsmanager").create_secret(
        Name=SECRET, SecretString=json.dumps({"username": USER, "access_key_id": key})
    )["ARN"]
    topic = boto3.client("sns").create_topic(Name="bench-kill-switch-cold")["TopicArn"]
    print(f"export SECRET_ID='{secret}' SNS_TOPIC_ARN='{topic}'")


def reset():
    iam.update_access_key(UserName=USER, AccessKeyId=key_id()["AccessKeyId"], Status="Active")
    if DENY_POLICY in iam.list_user_policies(UserName=USER)["PolicyNames"]:
        iam.delete_user_policy(UserName=USER, PolicyName=DENY_POLICY)


def check():
    status = key_id()["Status"]
    if status != "Inactive":
        sys.exit(f"the key is {status}, not Inactive")


if __name__ == "__main__":
    {"setup": setup, "reset": reset, "check": check}[sys.argv[1]]()
