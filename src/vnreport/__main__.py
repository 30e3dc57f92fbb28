from vnreport.cli import main

main()
