"""Who may do what in the jury's admin views, as Wagtail permission policies.

`jury_policy` is the jury's rule (a juror sees and scores only the eligible nominees of
their categories, never one they declared a conflict with; the committee's work needs the
committee's rights); `evidence_policy` is the rule on evidence files (staff with the right,
never a conflicted juror). The views of honors.views.jury and the admin menu ask them; the
rules themselves stay in honors.services (jury, evidence), which the public side calls too."""

from django.db.models import Q

from core.policies import ActionPermissionPolicy

from .models import Category, HonoursCycle, Nomination
from .services import jury
from .services.evidence import EVIDENCE_PERMISSION, can_view_evidence


class JuryPermissionPolicy(ActionPermissionPolicy):
    """The jury's actions. Model-wide, and on an instance where one is named:

    - "jury": the jury page; a juror of a category of an unpublished cycle, or the committee.
    - "score": scoring a nominee; a juror of some category. On a nomination: a juror of its
      category, the nomination eligible, and no conflict declared with it.
    - "declare_conflict": a juror of some category; on a nomination, of its category.
    - "summarise": the committee's summary of a category (`honors.view_juryreview`).
    - "auto_nominate": automatic nomination of a cycle (`honors.add_nomination`).
    - "propose": the draft decision of a cycle (`honors.add_honoursdecision`); on a cycle,
      only while it is unpublished.
    Instances are nominations, or cycles for "auto_nominate" and "propose"."""

    rights = {
        "summarise": jury.COMMITTEE_PERMISSION,
        "auto_nominate": "honors.add_nomination",
        "propose": "honors.add_honoursdecision",
    }

    def __init__(self):
        super().__init__(Nomination)

    def _is_juror(self, user):
        return user.is_authenticated and Category.objects.filter(jurors=user).exists()

    def user_has_permission(self, user, action):
        if not user.is_authenticated or not user.is_active:
            return False
        if action in self.rights:
            return user.has_perm(self.rights[action])
        if action == "jury":
            return user.has_perm(self.rights["summarise"]) or jury.juror_categories(user).exists()
        if action in ("score", "declare_conflict"):
            return self._is_juror(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "score":
            return (
                jury.is_juror(user, instance.category)
                and instance.status == Nomination.Status.ELIGIBLE
                and not jury.is_conflicted(user, instance)
            )
        if action == "declare_conflict":
            return jury.is_juror(user, instance.category)
        if action == "propose":
            return isinstance(instance, HonoursCycle) and not instance.published
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        """The nominations the user may act on: for "score", the eligible nominees of their
        categories; for "jury" and "summarise", every nomination; never one the user declared
        a conflict with (except to declare it). Cycle actions name no nomination."""
        query = Q(pk__in=[])
        not_conflicted = ~Q(pk__in=jury.conflicted_nominations(user)) if user.is_authenticated else Q()
        for action in actions:
            if not self.user_has_permission(user, action):
                continue
            if action == "score":
                query |= Q(category__jurors=user, status=Nomination.Status.ELIGIBLE) & not_conflicted
            elif action == "declare_conflict":
                query |= Q(category__jurors=user)
            elif action in ("jury", "summarise"):
                query |= not_conflicted
        return Nomination.objects.filter(query).distinct()


class EvidencePermissionPolicy(ActionPermissionPolicy):
    """Evidence files: "view" needs `honors.view_nominationevidence` (programme editors, the
    committee); on a file, never for a juror who declared a conflict with its nomination."""

    def __init__(self):
        super().__init__("honors.NominationEvidence")

    def user_has_permission(self, user, action):
        return action == "view" and user.is_authenticated and user.is_active and user.has_perm(EVIDENCE_PERMISSION)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can_view_evidence(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.exclude(nomination__in=jury.conflicted_nominations(user))


jury_policy = JuryPermissionPolicy()
evidence_policy = EvidencePermissionPolicy()
