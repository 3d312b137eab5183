-- Q1 the product catalogue: a category tree, products and bundles (套餐). Products carry the record
-- base (history, recycle bin) but are company-wide: the owner columns say who created one, and no
-- data scope applies to them.

CREATE TABLE product_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Children and live products block a category's deletion (the service says so with a 409).
  parent_id uuid REFERENCES product_categories(id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order >= 0),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (parent_id <> id)
);
-- Siblings have different names, so a category can be named in an import.
CREATE UNIQUE INDEX product_categories_name ON product_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX product_categories_parent ON product_categories (parent_id);
CREATE INDEX product_categories_created_by ON product_categories (created_by);
CREATE INDEX product_categories_updated_by ON product_categories (updated_by);

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid NOT NULL REFERENCES users(id),
  owner_dept_id uuid REFERENCES departments(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id),

  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  specification text,
  unit text NOT NULL CHECK (char_length(unit) BETWEEN 1 AND 10),
  kind text NOT NULL DEFAULT 'product' CHECK (kind IN ('product', 'bundle')),
  -- Deleting a category with products is refused; products waiting in the recycle bin lose it.
  category_id uuid REFERENCES product_categories(id) ON DELETE SET NULL,
  list_price numeric(14, 2) NOT NULL CHECK (list_price >= 0),
  -- A bundle's cost is its lines' products' cost, worked out when read.
  cost_price numeric(14, 2) CHECK (cost_price IS NULL OR (cost_price >= 0 AND kind = 'product')),
  tax_rate numeric(5, 2) NOT NULL DEFAULT 13 CHECK (tax_rate BETWEEN 0 AND 100),
  active boolean NOT NULL DEFAULT true,
  description text,
  -- The target of the bundle lines' (id, kind) references below.
  UNIQUE (id, kind)
);
CREATE UNIQUE INDEX products_code ON products (lower(code)) WHERE deleted_at IS NULL;
CREATE INDEX products_updated ON products (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX products_category ON products (category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_active_kind ON products (active, kind) WHERE deleted_at IS NULL;
CREATE INDEX products_list_price ON products (list_price) WHERE deleted_at IS NULL;
CREATE INDEX products_name ON products (name) WHERE deleted_at IS NULL;
-- The list's search on code and name: text_bigrams (0002) narrows, LIKE confirms. The expression
-- must stay identical to SEARCH_TEXT in product-service.ts.
CREATE INDEX products_search ON products USING gin (text_bigrams(lower(code || ' ' || name))) WHERE deleted_at IS NULL;
CREATE INDEX products_owner ON products (owner_id);
CREATE INDEX products_dept ON products (owner_dept_id);
CREATE INDEX products_deleted ON products (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX products_created_by ON products (created_by);
CREATE INDEX products_updated_by ON products (updated_by);
CREATE INDEX products_deleted_by ON products (deleted_by);

-- A bundle's lines. The (id, kind) references with fixed kinds make the rule structural: a bundle
-- holds plain products only (never a bundle, so never itself), and neither side can change kind
-- while a line joins them.
CREATE TABLE product_bundle_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bundle_id uuid NOT NULL,
  bundle_kind text NOT NULL DEFAULT 'bundle' CHECK (bundle_kind = 'bundle'),
  product_id uuid NOT NULL,
  product_kind text NOT NULL DEFAULT 'product' CHECK (product_kind = 'product'),
  position integer NOT NULL CHECK (position >= 0),
  quantity numeric(10, 2) NOT NULL CHECK (quantity > 0),
  -- The bundle's own price for one unit of this product.
  unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
  FOREIGN KEY (bundle_id, bundle_kind) REFERENCES products (id, kind) ON DELETE CASCADE,
  FOREIGN KEY (product_id, product_kind) REFERENCES products (id, kind),
  CHECK (bundle_id <> product_id),
  UNIQUE (bundle_id, product_id)
);
CREATE INDEX product_bundle_items_product ON product_bundle_items (product_id);
