"""The Balance page's sections, one module per topic: the conclusion of each public interest test
(``conclusions``), the combined balance (``combined``), the s36 opinion (``qp_opinion``), the s40
legitimate interests record (``legitimate_interests``), the s12 cost estimate (``cost``) and the
s10(3) extension (``extension``). Each draws its forms and hands what was typed to one action of
``foi_core.actions.balance``; ``common`` holds what they share."""
