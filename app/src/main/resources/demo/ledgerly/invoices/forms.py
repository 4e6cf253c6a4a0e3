from django import forms
from django.utils.encoding import force_text
from django.utils.translation import ugettext_lazy as _

from .models import Invoice


class InvoiceNoteForm(forms.ModelForm):
    class Meta:
        model = Invoice
        fields = ["notes"]
        labels = {"notes": _("Notes for the customer")}

    def clean_notes(self):
        return force_text(self.cleaned_data["notes"]).strip()
