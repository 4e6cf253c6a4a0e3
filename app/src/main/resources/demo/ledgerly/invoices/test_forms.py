from django.test import TestCase

from invoices.forms import InvoiceNoteForm


class InvoiceNoteFormTest(TestCase):
    def test_notes_are_stripped(self):
        form = InvoiceNoteForm(data={"notes": "  Thank you  "})
        self.assertTrue(form.is_valid())
        self.assertEquals(form.cleaned_data["notes"], "Thank you")

    def test_notes_page_rejects_empty_notes(self):
        response = self.client.post("/invoices/1/notes/", {"notes": ""})
        self.assertFormError(response, "form", "notes", "This field is required.")
