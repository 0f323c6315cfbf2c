"""Across years (FC309): a budget's or a final account's statements of change against the document of the
year before — 「财政拨款收入15621.11万元，比2023年预算减少876.75万元」 against the 2023 budget's 财政拨款收入.

- identity.py: the issuer, the year and the kind (预算, 决算) a document's title names;
- facts.py: what one document offers the others (its values by label) and asks of them (its statements);
- check.py: one statement against the earlier document's value;
- link.py: the stage of a run that meets the two, in one run or from a results store.
"""

# The two sides of a row carried from one year to the next (carried.py): this year's 上年结转, last year's 结转下年度.
INTO, OUT = "into", "out"
