"""The helpers of ui.reasoning the reasoning pages draw with."""

from __future__ import annotations

from foi_core.models import Factor, PublicInterestTest, Side, Weight
from ui.reasoning import points


def test_points_use_the_weight_scale():
    pit = PublicInterestTest(
        factors=[
            Factor(side=Side.FOR, text="a", weight=Weight.LOW),
            Factor(side=Side.FOR, text="b", weight=Weight.HIGH),
            Factor(side=Side.AGAINST, text="c", weight=Weight.MODERATE),
        ]
    )
    assert points(pit) == (4, 2)
