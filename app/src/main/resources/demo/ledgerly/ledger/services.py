"""Double-entry postings for payments and refunds."""
from django.db import transaction

from ledger.models import Account, LedgerEntry
from payments.models import Payment, Refund

BANK = "1200"
RECEIVABLES = "1100"


def _account(tenant, code, name):
    account, _ = Account.all_tenants.get_or_create(tenant=tenant, code=code, defaults={"name": name})
    return account


@transaction.atomic
def post_payment(payment: Payment):
    bank = _account(payment.tenant, BANK, "Bank")
    receivables = _account(payment.tenant, RECEIVABLES, "Accounts receivable")
    memo = "Payment %s for %s" % (payment.reference or payment.pk, payment.invoice.number)
    LedgerEntry.objects.create(tenant=payment.tenant, account=bank, direction=LedgerEntry.DEBIT,
                               amount=payment.amount, payment=payment, memo=memo)
    LedgerEntry.objects.create(tenant=payment.tenant, account=receivables, direction=LedgerEntry.CREDIT,
                               amount=payment.amount, payment=payment, memo=memo)


@transaction.atomic
def post_refund(refund: Refund):
    bank = _account(refund.tenant, BANK, "Bank")
    receivables = _account(refund.tenant, RECEIVABLES, "Accounts receivable")
    LedgerEntry.objects.create(tenant=refund.tenant, account=receivables, direction=LedgerEntry.DEBIT,
                               amount=refund.amount, payment=refund.payment, memo="Refund")
    LedgerEntry.objects.create(tenant=refund.tenant, account=bank, direction=LedgerEntry.CREDIT,
                               amount=refund.amount, payment=refund.payment, memo="Refund")


def balance(tenant, code):
    total = 0
    for entry in LedgerEntry.all_tenants.filter(tenant=tenant, account__code=code):
        total += entry.amount if entry.direction == LedgerEntry.DEBIT else -entry.amount
    return total
