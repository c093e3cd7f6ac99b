from kimai_tools.cli import main

main()
