"""The officer's open campaigns: every open year's plan of their department, with its state,
deadline and whether it is late (issue 17, point 5). A 2022 campaign opening while 2021 is
still open must not hide the unsent 2021 plan."""

from dataclasses import dataclass
from datetime import date

from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.clock import today
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus

# A plan the department still owes the ministry: late once the deadline has passed.
OWED_STATUSES = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT, PlanStatus.RETURNED)


@dataclass(frozen=True)
class OpenPlan:
    campaign: Campaign
    plan: Plan | None
    late: bool

    @property
    def deadline(self) -> date | None:
        return self.campaign.deadline


def is_late(plan: Plan | None, campaign: Campaign, on: date | None = None) -> bool:
    """After the deadline, a plan not yet sent (or sent back to the department) is late."""
    if campaign.deadline is None:
        return False
    owed = plan is None or plan.status in OWED_STATUSES
    return owed and (on or today()) > campaign.deadline


def open_plans(user) -> list[OpenPlan]:
    """Each open campaign (oldest year first) with the department's plan in it, if any."""
    if user.department_id is None:
        return []
    campaigns = list(
        db.session.scalars(
            db.select(Campaign)
            .where(Campaign.status == CampaignStatus.OPEN)
            .order_by(Campaign.year)
        )
    )
    plans = {
        plan.campaign_id: plan
        for plan in db.session.scalars(
            db.select(Plan).where(
                Plan.department_id == user.department_id,
                Plan.campaign_id.in_([c.id for c in campaigns]),
            )
        )
    }
    on = today()
    return [
        OpenPlan(campaign, plans.get(campaign.id), is_late(plans.get(campaign.id), campaign, on))
        for campaign in campaigns
    ]
