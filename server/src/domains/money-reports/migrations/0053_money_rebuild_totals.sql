-- Recomputes every table money-reports keeps from the rows themselves: after a bulk load with triggers
-- off (bench:gen-docs loads contracts so: with 0047 already in place its profit rows were never
-- written), or to check the triggers (the test compares the kept tables before and after it).
-- Writes through the same statement triggers as the app: the balances' insert fills the open months
-- and customers (0052); expense totals before contract profit, which reads them.
CREATE FUNCTION money_rebuild_totals() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE money_instalment_balances;
  INSERT INTO money_instalment_balances (instalment_id, contract_id, customer_id, owner_id, owner_dept_id, live, due_date, amount, paid)
  SELECT i.id, i.contract_id, c.customer_id, c.owner_id, c.owner_dept_id, c.status = 'effective' AND c.deleted_at IS NULL,
         i.due_date, i.amount, i.paid
    FROM payment_instalments i JOIN contracts c ON c.id = i.contract_id;
  TRUNCATE money_expense_totals, money_contract_profit, money_customer_profit;
  INSERT INTO money_expense_totals (customer_id, contract_id, owner_id, owner_dept_id, amount, n)
  SELECT customer_id, contract_id, owner_id, owner_dept_id, sum(amount), count(*)
    FROM expenses WHERE status = 'approved' AND deleted_at IS NULL GROUP BY 1, 2, 3, 4;
  PERFORM money_recount_contracts(ARRAY(SELECT id FROM contracts WHERE status = 'effective' AND deleted_at IS NULL));
  PERFORM money_recount_customers(ARRAY(SELECT customer_id FROM money_contract_profit UNION SELECT customer_id FROM money_expense_totals));
END $$;
