from django.urls import path

from payments import views

urlpatterns = [
    path("webhook/", views.provider_webhook, name="payment-webhook"),
    path("recent/", views.recent_payments, name="payment-recent"),
]
