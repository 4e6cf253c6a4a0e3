"""Hand-written serializers (DRF was judged "too heavy" in 2016)."""


def serialize_customer(customer):
    return {"id": customer.pk, "name": customer.name, "country": customer.country}


def serialize_line(line):
    return {"description": line.description, "quantity": str(line.quantity), "unit_price": str(line.unit_price)}


def serialize_payment(payment):
    return {"amount": str(payment.amount), "method": payment.method, "received_at": payment.received_at.isoformat()}


def serialize_invoice(invoice):
    return {
        "id": invoice.pk,
        "number": invoice.number,
        "status": invoice.status,
        "total": str(invoice.total),
        "currency": invoice.currency,
        "customer": serialize_customer(invoice.customer),
        "lines": [serialize_line(line) for line in invoice.lines.all()],
        "payments": [serialize_payment(p) for p in invoice.payments.all()],
    }
