-- The Go version's database as GORM's AutoMigrate creates it in PostgreSQL (untagged uint ids become
-- bigserial keys, the unique tags become named constraints, the has-one and has-many associations
-- become foreign keys). Its models do not embed gorm.Model, so there are no created_at, updated_at
-- or deleted_at columns.
CREATE TABLE "users" (
    "id" bigserial,
    "name" varchar(100),
    "email" text,
    PRIMARY KEY ("id"),
    CONSTRAINT "uni_users_email" UNIQUE ("email")
);
CREATE TABLE "portfolios" (
    "id" bigserial,
    "user_id" bigint,
    PRIMARY KEY ("id"),
    CONSTRAINT "uni_portfolios_user_id" UNIQUE ("user_id"),
    CONSTRAINT "fk_users_portfolio" FOREIGN KEY ("user_id") REFERENCES "users" ("id")
);
CREATE TABLE "stocks" (
    "id" bigserial,
    "portfolio_id" bigint,
    "stock_symbol" varchar(10),
    "threshold_price" double precision,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_portfolios_stocks" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios" ("id")
);
CREATE TABLE "alerts" (
    "id" bigserial,
    "user_id" bigint,
    "stock_symbol" text,
    "price" double precision,
    "timestamp" timestamptz,
    PRIMARY KEY ("id")
);
CREATE TABLE "stock_prices" (
    "id" bigserial,
    "symbol" text,
    "price" double precision,
    "timestamp" timestamptz,
    PRIMARY KEY ("id")
);
CREATE TABLE "stock_analytics" (
    "id" bigserial,
    "symbol" text,
    "avg5" double precision,
    "avg20" double precision,
    "signal" text,
    "generated_at" timestamptz,
    PRIMARY KEY ("id")
);
