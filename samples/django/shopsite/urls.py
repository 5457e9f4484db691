from django.urls import include, path, re_path

from shop import views

urlpatterns = [
    path('api/', include('shop.urls')),
    re_path(r'^legacy/(?P<id>\d+)/$', views.legacy),
]

urlpatterns += [
    path('health/', views.health, name='health'),
    path('reports/', include([
        path('daily/', views.daily_report, name='daily-report'),
        path('export/', views.export_report, name='export-report'),
    ])),
]

urlpatterns += [
    path('catalog/', include('shop.catalog_urls')),
]
