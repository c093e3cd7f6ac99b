from kimai_tools.team.main import main

main()
