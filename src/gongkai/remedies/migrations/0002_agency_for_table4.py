"""Store the respondent agency on each remedy, so table 四 reads one table."""

import django.db.models.deletion
from django.db import migrations, models


def fill_agency(apps, schema_editor):
    Remedy = apps.get_model("remedies", "Remedy")
    for remedy in Remedy.objects.select_related("application"):
        remedy.agency_id = remedy.application.agency_id
        remedy.save(update_fields=["agency"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("remedies", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="remedy",
            name="agency",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="remedies",
                to="organisations.agency",
                verbose_name="被申请人（机关）",
            ),
        ),
        migrations.RunPython(fill_agency, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="remedy",
            name="agency",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="remedies",
                to="organisations.agency",
                verbose_name="被申请人（机关）",
            ),
        ),
    ]
