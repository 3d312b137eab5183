-- M2 销售订单与发货: orders (a business record) with lines from the catalogue, each with its required
-- delivery date; deliveries recorded against lines. A line keeps what was delivered of it (written in
-- the same transaction as the delivery, under the order row's lock), so the reminders and the order
-- list read one row per line instead of summing deliveries.
CREATE TABLE orders (
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

  number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  contract_id uuid REFERENCES contracts(id),
  opportunity_id uuid REFERENCES opportunities(id),
  order_date date NOT NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_approval', 'confirmed', 'partially_delivered', 'delivered', 'cancelled')),
  total numeric(14,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
  note text,
  confirmed_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX orders_owner ON orders (owner_id, order_date DESC) WHERE deleted_at IS NULL;
CREATE INDEX orders_dept ON orders (owner_dept_id, order_date DESC) WHERE deleted_at IS NULL;
CREATE INDEX orders_order_date ON orders (order_date DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX orders_updated ON orders (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX orders_customer ON orders (customer_id, order_date DESC);
CREATE INDEX orders_contract ON orders (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX orders_opportunity ON orders (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX orders_status ON orders (status) WHERE deleted_at IS NULL;
CREATE INDEX orders_created_by ON orders (created_by);
CREATE INDEX orders_updated_by ON orders (updated_by);
CREATE INDEX orders_deleted_by ON orders (deleted_by);

CREATE TABLE order_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders(id),
  position integer NOT NULL CHECK (position >= 0),
  product_id uuid NOT NULL REFERENCES products(id),
  code text NOT NULL,
  name text NOT NULL,
  specification text,
  unit text NOT NULL,
  quantity numeric(12,2) NOT NULL CHECK (quantity > 0),
  unit_price numeric(14,2) NOT NULL CHECK (unit_price >= 0),
  amount numeric(14,2) NOT NULL CHECK (amount >= 0),
  required_date date NOT NULL,
  note text,
  -- Over-delivery is refused by the service with a message; the constraint is the last guard.
  delivered numeric(12,2) NOT NULL DEFAULT 0 CHECK (delivered >= 0 AND delivered <= quantity)
);
CREATE INDEX order_lines_order ON order_lines (order_id, position);
CREATE INDEX order_lines_product ON order_lines (product_id);
-- The reminders (今天/明天/未来一周/已逾期) walk undelivered lines by required date.
CREATE INDEX order_lines_due ON order_lines (required_date, order_id) WHERE delivered < quantity;

-- A delivery (发货) is part of its order: undone by deleting it, which gives its quantities back.
CREATE TABLE deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES orders(id),
  delivered_on date NOT NULL,
  carrier text CHECK (char_length(carrier) <= 100),
  tracking_no text CHECK (char_length(tracking_no) <= 100),
  note text CHECK (char_length(note) <= 500),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deliveries_order ON deliveries (order_id, delivered_on DESC);
CREATE INDEX deliveries_created_by ON deliveries (created_by);
CREATE INDEX deliveries_created_at ON deliveries (created_at DESC, id);

CREATE TABLE delivery_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delivery_id uuid NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  order_line_id uuid NOT NULL REFERENCES order_lines(id),
  quantity numeric(12,2) NOT NULL CHECK (quantity > 0)
);
CREATE INDEX delivery_lines_delivery ON delivery_lines (delivery_id);
CREATE INDEX delivery_lines_order_line ON delivery_lines (order_line_id);
