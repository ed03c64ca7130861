"""Officer actions: what a page asks the engine to do to a case.

Each action takes the case as loaded and the officer's input, validates it, and returns either
the new case or the field problems to show next to the form. The rules live here, not in the
pages; a page draws, collects input, calls one action and saves. One module per topic; import
actions from their module (``from foi_core.actions.balance import set_balance``).
"""
