package io.platform.migrate.plan;

/**
 * How to open the source again: what was given on the command line.
 *
 * @param spec a state file path, {@code s3://bucket/key}, or {@code tf:DIR}
 * @param region the S3 region (s3 only), or null
 * @param lockTable the monolith's DynamoDB lock table (s3 only), or null
 */
public record SourceRef(String spec, String region, String lockTable) {}
