"""The plain-English helpers of ui.reasoning the reasoning pages draw with."""

from __future__ import annotations

from foi_core.models import Factor, PublicInterestTest, Side, Weight
from ui.reasoning import items_text, points


def test_items_text_shortens_runs():
    assert items_text([3]) == "item 3"
    assert items_text([1, 2]) == "items 1 and 2"
    assert items_text(range(1, 17)) == "items 1 to 16"
    assert items_text([1, 2, 3, 5, 7, 8]) == "items 1 to 3, 5, 7 and 8"


def test_points_use_the_weight_scale():
    pit = PublicInterestTest(
        factors=[
            Factor(side=Side.FOR, text="a", weight=Weight.LOW),
            Factor(side=Side.FOR, text="b", weight=Weight.HIGH),
            Factor(side=Side.AGAINST, text="c", weight=Weight.MODERATE),
        ]
    )
    assert points(pit) == (4, 2)
