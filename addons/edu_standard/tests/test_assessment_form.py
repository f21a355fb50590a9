"""Issue 12, item 1: a yearly assessment is created through its form by the education
department and by the staff of an organisation, as they do it in the browser."""

from odoo import Command
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import FULL_FIGURES, EduStandardCase


def offered_organizations(form, user):
    """The organisations the form's "Organisation" dropdown offers to `user`, as the web client
    asks them: the field's domain evaluated on the record being edited, then a name search of
    the user."""
    Assessment = form._record.env["edu.standard.assessment"].with_user(user)
    domain = Assessment.fields_get(["organization_id"], ["domain"])["organization_id"].get("domain")
    # what the client knows of the record's company: nothing while it is not in the view
    company = form.company_id if "company_id" in form._view["fields"] else False
    if isinstance(domain, str):
        domain = safe_eval(
            domain,
            {
                "company_id": company.id if company else False,
                "allowed_company_ids": user.company_ids.ids,
                "uid": user.id,
            },
        )
    organizations = Assessment.env["edu.organization"]
    return organizations.browse([id_ for id_, _name in organizations.name_search("", domain or [])])


@tagged("post_install", "-at_install")
class TestAssessmentForm(EduStandardCase):
    def _fill_and_save(self, form, year):
        form.year = year
        for name, value in FULL_FIGURES.items():
            setattr(form, name, value)
        return form.save()

    def test_department_user_creates_an_assessment_through_the_form(self):
        Assessment = self.env["edu.standard.assessment"].with_user(self.department_user)
        form = Form(Assessment)
        # a new record has no company yet: the dropdown must still offer the organisations
        offered = offered_organizations(form, self.department_user)
        self.assertIn(self.organization, offered)
        self.assertIn(self.other_organization, offered)
        form.organization_id = self.other_organization
        assessment = self._fill_and_save(form, 2031)
        self.assertEqual(assessment.organization_id, self.other_organization)
        self.assertEqual(assessment.company_id, self.company)
        self.assertEqual(assessment.total_points, 100)
        self.assertEqual(assessment.create_uid, self.department_user)

    def test_staff_create_the_assessment_of_their_organisation(self):
        Assessment = self.env["edu.standard.assessment"].with_user(self.head_user)
        form = Form(Assessment)
        # the organisation of a user on the staff of exactly one is proposed ...
        self.assertEqual(form.organization_id, self.organization)
        # ... and only it is offered (not the other organisations)
        self.assertEqual(offered_organizations(form, self.head_user), self.organization)
        assessment = self._fill_and_save(form, 2031)
        self.assertEqual(assessment.organization_id, self.organization)
        self.assertEqual(assessment.state, "draft")

    def test_staff_of_two_organisations_choose_between_them(self):
        self.other_organization.user_ids = [Command.link(self.head_user.id)]
        form = Form(self.env["edu.standard.assessment"].with_user(self.head_user))
        self.assertFalse(form.organization_id)
        self.assertEqual(
            offered_organizations(form, self.head_user),
            self.organization | self.other_organization,
        )

    def test_admin_is_offered_the_organisations_and_no_creation(self):
        admin = self.env.ref("base.user_admin")
        form = Form(self.env["edu.standard.assessment"].with_user(admin))
        self.assertIn(self.organization, offered_organizations(form, admin))
        # no "Create ..." in the dropdown: organisations are created in their own menu only
        arch = self.env["edu.standard.assessment"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertRegex(
            arch,
            r'name="organization_id"[^>]*options="[^"]*\'no_create\': True',
        )

    def test_organisation_of_another_company_is_not_offered(self):
        foreign = self.env["edu.organization"].create(
            {"name": "School of the neighbouring town", "company_id": self.other_company.id}
        )
        form = Form(self.env["edu.standard.assessment"].with_user(self.department_user))
        offered = offered_organizations(form, self.department_user)
        self.assertNotIn(foreign, offered)
        self.assertIn(self.organization, offered)


@tagged("post_install", "-at_install")
class TestAssessmentCreationTour(HttpCase):
    def test_department_user_creates_an_assessment_in_the_browser(self):
        officer = new_test_user(
            self.env,
            login="edu_tour_creator",
            password="edu_tour_creator",
            groups="edu_standard.group_edu_user",
        )
        organization = self.env["edu.organization"].create({"name": "Tour music school"})
        self.start_tour("/odoo", "edu_standard_assessment_create_tour", login="edu_tour_creator")
        assessment = self.env["edu.standard.assessment"].search(
            [("organization_id", "=", organization.id)]
        )
        self.assertEqual(len(assessment), 1)
        self.assertEqual(assessment.year, 2031)
        self.assertEqual(assessment.total_points, 100)
        self.assertEqual(assessment.create_uid, officer)
        # no duplicate organisation was created from the dropdown
        self.assertEqual(
            self.env["edu.organization"].search_count([("name", "ilike", "Tour music school")]), 1
        )
