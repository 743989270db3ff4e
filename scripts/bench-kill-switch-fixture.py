"""Service account for scripts/bench-kill-switch.sh, in the emulator named by AWS_ENDPOINT_URL.

  setup  create the user with one key, the secret, the notice topic with a queue subscribed
         to it, and the workgroup with a history of 20 queries (the notice lists them); print
         shell exports
  reset  set the key Active again, remove the deny policy and drain the queue, between runs
  check  exit 1 unless the key is Inactive and a notice arrived (each measured run must really
         revoke and notify)
"""
import json
import sys

import boto3

USER = "svc-bench-cold"
SECRET = "bench/kill-switch-cold"
DENY_POLICY = "platform-kill-switch-deny"
QUEUE = "bench-kill-switch-cold-notices"
WORKGROUP = "bench-cold"

iam = boto3.client("iam")
sqs = boto3.client("sqs")


def key_id():
    return iam.list_access_keys(UserName=USER)["AccessKeyMetadata"][0]


def setup():
    iam.create_user(UserName=USER)
    key = iam.create_access_key(UserName=USER)["AccessKey"]["AccessKeyId"]
    secret = boto3.client("secretsmanager").create_secret(
        Name=SECRET, SecretString=json.dumps({"username": USER, "access_key_id": key})
    )["ARN"]
    sns = boto3.client("sns")
    topic = sns.create_topic(Name="bench-kill-switch-cold")["TopicArn"]
    queue = sqs.create_queue(QueueName=QUEUE)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=queue_arn)
    athena = boto3.client("athena")
    athena.create_work_group(Name=WORKGROUP)
    for _ in range(20):
        athena.start_query_execution(QueryString="SELECT * FROM events WHERE day = '2026-01-05'", WorkGroup=WORKGROUP)
    print(f"export SECRET_ID='{secret}' SNS_TOPIC_ARN='{topic}' ATHENA_WORKGROUP='{WORKGROUP}'")


def notices():
    """Receives and deletes what the queue holds; returns how many messages that was."""
    queue = sqs.get_queue_url(QueueName=QUEUE)["QueueUrl"]
    count = 0
    while True:
        messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
        if not messages:
            return count
        for message in messages:
            sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
        count += len(messages)


def reset():
    iam.update_access_key(UserName=USER, AccessKeyId=key_id()["AccessKeyId"], Status="Active")
    if DENY_POLICY in iam.list_user_policies(UserName=USER)["PolicyNames"]:
        iam.delete_user_policy(UserName=USER, PolicyName=DENY_POLICY)
    notices()


def check():
    status = key_id()["Status"]
    if status != "Inactive":
        sys.exit(f"the key is {status}, not Inactive")
    if notices() != 1:
        sys.exit("not exactly one notice was published")


if __name__ == "__main__":
    {"setup": setup, "reset": reset, "check": check}[sys.argv[1]]()
