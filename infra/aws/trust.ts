import * as pulumi from "@pulumi/pulumi";

/**
 * The trust policy of a role an AWS service assumes on the stack's behalf, with the
 * confused-deputy conditions: only this account's calls (aws:SourceAccount), and, where the
 * service passes it, only from the named resources (aws:SourceArn), so no other account's
 * schedule, task or workspace can borrow the role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
 */
export function assumedBy(service: string, accountId: pulumi.Input<string>, sourceArn?: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": accountId },
          ...(sourceArn === undefined ? {} : { ArnLike: { "aws:SourceArn": sourceArn } }),
        },
      },
    ],
  });
}
