import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, the minimal organization link, one-time tokens, the mail outbox and rate-limit counters. */
export class Foundation1764572400000 implements MigrationInterface {
  name = 'Foundation1764572400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" text NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "email_verified" boolean NOT NULL DEFAULT false, "token_version" integer NOT NULL DEFAULT '0', "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_normalized_check" CHECK (email = lower(btrim(email))), CONSTRAINT "users_role_check" CHECK (role IN ('candidate', 'employer', 'admin')), CONSTRAINT "users_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "slug" character varying(140) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organizations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" ("slug")`);
    await queryRunner.query(
      `CREATE TABLE "organization_members" ("organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organization_members_role_check" CHECK (role IN ('owner', 'recruiter')), CONSTRAINT "organization_members_pkey" PRIMARY KEY ("organization_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organization_members_user_id_idx" ON "organization_members" ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "user_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(32) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "user_tokens_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_tokens_user_id_idx" ON "user_tokens" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_tokens_token_hash_key" ON "user_tokens" ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "emails" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template" character varying(64) NOT NULL, "to_address" character varying(254) NOT NULL, "subject" text NOT NULL, "html" text, "text" text, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "emails_status_check" CHECK (status IN ('queued', 'sent', 'failed')), CONSTRAINT "emails_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "emails_to_address_idx" ON "emails" ("to_address")`);
    await queryRunner.query(`CREATE INDEX "emails_status_idx" ON "emails" ("status")`);
    await queryRunner.query(
      `CREATE TABLE "rate_limit_buckets" ("key" character varying(400) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "rate_limit_buckets_window_ends_at_idx" ON "rate_limit_buckets" ("window_ends_at")`);
    await queryRunner.query(
      `ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_tokens" ADD CONSTRAINT "user_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_buckets"`);
    await queryRunner.query(`DROP TABLE "emails"`);
    await queryRunner.query(`DROP TABLE "user_tokens"`);
    await queryRunner.query(`DROP TABLE "organization_members"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
